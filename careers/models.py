"""What the career-path pages add to the catalog: the questions editors answer for a role."""

from django.db import models

from roles.models import Role


class FAQ(models.Model):
    """A question an editor answers for one role, shown after the standard questions."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(max_length=300)
    answer = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["role", "order"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"
        constraints = [models.UniqueConstraint(fields=["role", "question"], name="unique_question_per_role")]

    def __str__(self) -> str:
        return self.question
