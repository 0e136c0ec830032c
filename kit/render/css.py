"""The style sheet of the report page and the lessons' views."""

from __future__ import annotations

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       line-height: 1.55; color: #1a1a1a; background: #fff; }
h1, h2, h3, table, .meta, .tag, .role { font-family: system-ui, sans-serif; }
.para { margin: 0.6em 0; padding: 0.3em 0.6em; border-left: 4px solid transparent; }
.role { display: inline-block; font-size: 0.7em; text-transform: uppercase; letter-spacing: 0.05em;
        color: #444; border: 1px solid #888; border-radius: 3px; padding: 0 0.3em; margin-right: 0.5em; }
.para.title { font-size: 1.4em; font-weight: bold; border-left: 6px double #0072B2; }
.para.subhead { font-weight: bold; border-left: 4px solid #0072B2; }
.para.related_link { font-style: italic; border-left: 4px dashed #E69F00; }
.para.boilerplate { color: #555; font-size: 0.9em; border-left: 4px dotted #999; }
mark { background: none; padding: 0 1px; }
mark.hard { background: #fde9c9; border-bottom: 2px solid #D55E00; }
mark.quote { background: #e3f0fa; border-bottom: 2px dotted #0072B2; }
mark.loaded { background: #f3e0ee; border-bottom: 3px double #CC79A7; }
mark.unattributed { background: #eeeeee; border-bottom: 2px dashed #333; }
.tag { font-size: 0.65em; color: #333; margin-left: 1px; }
table { border-collapse: collapse; margin: 0.5em 0; }
td, th { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
td.num { text-align: right; }
"""
