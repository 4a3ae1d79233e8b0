from motcua.accounts.models.citizen import Citizen
from motcua.accounts.models.sign_in_throttle import SignInThrottle

__all__ = ["Citizen", "SignInThrottle"]
