"""Matplotlib figures that show themselves inline in any notebook, without pyplot or ``%matplotlib``.

    >>> fig = figure(figsize=(4, 2))
    >>> fig.add_subplot().plot([1, 2, 3])  # doctest: +ELLIPSIS
    [<matplotlib.lines.Line2D object at ...>]
    >>> fig._repr_png_()[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'

A plain ``matplotlib.figure.Figure`` made without pyplot shows in Jupyter as the text
``<Figure size 600x350 with 1 Axes>``; these define ``_repr_png_``, so the notebook (Colab,
papermill, nbconvert) stores and shows the PNG.
"""

import io
from typing import Any

from botbaby._optional import require


def figure(**kwargs: Any):
    """A matplotlib Figure (Agg canvas, no pyplot state) that a notebook displays as a PNG."""
    require("matplotlib", extra="notebooks")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    class InlineFigure(Figure):
        def _repr_png_(self) -> bytes:
            buffer = io.BytesIO()
            self.savefig(buffer, format="png", dpi=100)
            return buffer.getvalue()

    result = InlineFigure(**kwargs)
    FigureCanvasAgg(result)
    return result
