from motcua.satisfaction.models.criterion import Criterion
from motcua.satisfaction.models.rating import Kind, Level, Rating, RatingAnswer, RatingChannel, RatingOfficer

__all__ = ["Criterion", "Kind", "Level", "Rating", "RatingAnswer", "RatingChannel", "RatingOfficer"]
