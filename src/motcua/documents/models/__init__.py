from motcua.documents.models.issued import IssuedForm
from motcua.documents.models.template import FormTemplate

__all__ = ["FormTemplate", "IssuedForm"]
