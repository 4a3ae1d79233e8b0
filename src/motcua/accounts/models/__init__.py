from motcua.accounts.models.citizen import Citizen

__all__ = ["Citizen"]
