from faq.models import Question, Topic
from unionsite.sitemaps import LocalizedSitemap


class TopicSitemap(LocalizedSitemap):
    changefreq = "monthly"

    def items(self):
        return Topic.objects.with_question_counts().filter(question_count__gt=0)


class QuestionSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Question.objects.published().select_related("topic")

    def lastmod(self, question):
        return question.updated_at
