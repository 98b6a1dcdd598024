from modeltranslation.translator import TranslationOptions, register

from structure.models import GoverningBody, GoverningBodyMember, Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "address", "leader_name", "leader_position", "description")
    required_languages = ("ky",)


@register(GoverningBody)
class GoverningBodyTranslationOptions(TranslationOptions):
    fields = ("name", "role")


@register(GoverningBodyMember)
class GoverningBodyMemberTranslationOptions(TranslationOptions):
    fields = ("name", "position")
