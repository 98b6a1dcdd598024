import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a demo superuser when the database has no user yet, and print its login once."

    def handle(self, *args, **options):
        user_model = get_user_model()
        if user_model.objects.exists():
            return
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser("admin", "admin@example.kg", password)
        self.stdout.write(
            self.style.WARNING(
                "Demo admin created. Log in at http://127.0.0.1:8000/ky/admin/ with\n"
                f"  username: admin\n  password: {password}\n"
                "This is shown only once; `manage.py changepassword admin` sets a new one."
            )
        )
