"""The attribution, outlet and stance models in Hugging Face's layout; registered so Auto* classes know them."""
from transformers import AutoConfig, AutoModel

from .configuration_attrib import AttribConfig
from .configuration_outlet import OutletConfig
from .configuration_stance import STANCE_LABELS, StanceConfig
from .modeling_attrib import AttribModel
from .modeling_outlet import OutletClassifier
from .modeling_stance import StanceModel

AutoConfig.register("attrib", AttribConfig)
AutoModel.register(AttribConfig, AttribModel)
AutoConfig.register("attrib-stance", StanceConfig)
AutoModel.register(StanceConfig, StanceModel)
AutoConfig.register("attrib-outlet", OutletConfig)
AutoModel.register(OutletConfig, OutletClassifier)

__all__ = ["AttribConfig", "AttribModel", "OutletConfig", "OutletClassifier", "STANCE_LABELS", "StanceConfig", "StanceModel"]
