"""The attribution and stance models in Hugging Face's layout; registered so Auto* classes know them."""
from transformers import AutoConfig, AutoModel

from .configuration_attrib import AttribConfig
from .configuration_stance import STANCE_LABELS, StanceConfig
from .modeling_attrib import AttribModel
from .modeling_stance import StanceModel

AutoConfig.register("attrib", AttribConfig)
AutoModel.register(AttribConfig, AttribModel)
AutoConfig.register("attrib-stance", StanceConfig)
AutoModel.register(StanceConfig, StanceModel)

__all__ = ["AttribConfig", "AttribModel", "STANCE_LABELS", "StanceConfig", "StanceModel"]
