"""botbaby: learn how two online camps talk, and generate posts in each camp's voice.

    >>> import botbaby
    >>> botbaby.DEFAULT_SIDES
    ('left', 'right')

Each stage is one module named after its notebook (leaders, followers, scrape, clean, train,
generate); serving and deployment are the subpackages ``botbaby.serve`` and ``botbaby.deploy``.
Importing this package pulls in no heavy or optional library (TensorFlow, tweepy, atproto, boto3).
"""

from botbaby.errors import BotbabyError, MissingExtra
from botbaby.layout import DEFAULT_DATA, DEFAULT_SIDES, Layout

__version__ = "0.1.0"

__all__ = ["BotbabyError", "MissingExtra", "Layout", "DEFAULT_DATA", "DEFAULT_SIDES", "__version__"]
