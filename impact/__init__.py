"""impact: check what the news says about markets against what the markets did."""

__version__ = "0.1.0"
