"""The lessons' side of the kit: ipywidgets views, labs and exercises, and matplotlib figures.

One module per idea; `kit.widgets` (for notebooks: `from kit import widgets as kw`)
and `kit.plots` re-export what the lessons use. Nothing here is imported by the
analysis modules, so `import kit.report` never pulls in ipywidgets or matplotlib.
"""
