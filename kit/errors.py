"""The one error type the kit raises for input a user can fix."""


class KitInputError(ValueError):
    """Input the kit cannot analyse; the message is one plain sentence for the user."""
