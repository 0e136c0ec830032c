"""The one error type the kit raises for input a user can fix."""


class KitInputError(ValueError):
    """Input the kit cannot analyse; the message is one plain sentence for the user."""


class KitOutputError(KitInputError):
    """An output the kit could not write (disk full, no permission, name taken).

    A subclass of KitInputError because the user can fix it and the command line
    treats it alike (one line, exit 1); code that skips a bad *input* and goes on
    must catch this first and stop, since the next output would fail the same way.
    """
