/* CKEditor's configuration file, in place of django-ckeditor's empty one (STATICFILES_DIRS comes
 * before the apps' static files). The settings themselves are in CKEDITOR_CONFIGS
 * (unionsite/settings.py).
 *
 * CKEditor 4 ships no Kyrgyz and knows only the languages it lists: django-ckeditor asks for the
 * page's language, "ky", which CKEditor would replace by English. The list is read after this file,
 * when the editor loads its language, so Kyrgyz is added here; lang/ky.js next to this file is ours.
 */
CKEDITOR.lang.languages.ky = 1

CKEDITOR.editorConfig = () => {}
