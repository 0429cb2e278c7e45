"""The attribution model in Hugging Face's layout; registered so Auto* classes know `attrib`."""
from transformers import AutoConfig, AutoModel

from .configuration_attrib import AttribConfig
from .modeling_attrib import AttribModel

AutoConfig.register("attrib", AttribConfig)
AutoModel.register(AttribConfig, AttribModel)

__all__ = ["AttribConfig", "AttribModel"]
