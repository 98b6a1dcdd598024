from django.views.generic import DetailView, ListView

from editorial.preview import PreviewMixin
from tests.courses.models import Course


class CourseListView(ListView):
    template_name = "courses/course_list.html"
    context_object_name = "courses"
    paginate_by = 20

    def get_queryset(self):
        return Course.objects.published().for_cards()


class CourseDetailView(PreviewMixin, DetailView):
    template_name = "courses/course_detail.html"
    context_object_name = "course"

    def get_queryset(self):
        return self.visible(Course.objects.all()).for_cards()
