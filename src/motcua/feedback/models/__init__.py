from motcua.feedback.models.feedback import Feedback, FeedbackAttachment, FeedbackCounter
from motcua.feedback.models.log import FeedbackLogEntry

__all__ = ["Feedback", "FeedbackAttachment", "FeedbackCounter", "FeedbackLogEntry"]
