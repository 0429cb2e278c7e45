"""Configuration of the outlet classifier: scores candidate name spans from the attribution model's token states."""
from __future__ import annotations

from typing import Any

from transformers import PretrainedConfig

# Binary features beside the span's states: inside a source, a cue, a content; a platform verb ("tweeted");
# named in the curated table of well-known outlets (`attrib.outlets.KNOWN_OUTLETS`).
# The word before and after a candidate, one-hot over a short list of the words that frame outlets
# ("told X", "according to X", "X reported", "X daily"), so unseen names are judged by their frame.
PREVIOUS_WORDS = ("told", "by", "to", "with", "in", "on", "according", "for", "from", "via", "said", "reported",
                  "cited", "quoted", "wrote", "interview", "the", "of", "and", "at")
NEXT_WORDS = ("reported", "said", "quoted", "cited", "says", "reports", "has", "daily", "newspaper", "news", "agency",
              "that", ",", "'s", "television", "radio", "website", "on", "in", "interview")
SPAN_FEATURES = ("in_source", "in_cue", "in_content", "platform_verb", "known_outlet",
                 *(f"prev={w}" for w in PREVIOUS_WORDS), *(f"next={w}" for w in NEXT_WORDS))


class OutletConfig(PretrainedConfig):
    model_type = "attrib-outlet"

    def __init__(self, hidden_size: int = 384, inner_size: int = 256, dropout: float = 0.3, state_dim: int = 32,
                 num_features: int = len(SPAN_FEATURES), positive_weight: float = 3.0, threshold: float = 0.5,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hidden_size = hidden_size
        self.inner_size = inner_size
        # The span's states pass through a narrow projection: with ~200 labelled outlets, wide state
        # features memorise the training names instead of learning the frame around them.
        self.state_dim = state_dim
        self.dropout = dropout
        self.num_features = num_features
        # Few candidates are outlets; weigh them up so the classifier does not settle on "never".
        self.positive_weight = positive_weight
        # Probability above which a candidate is an outlet (chosen on dev after training).
        self.threshold = threshold
