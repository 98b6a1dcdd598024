/*
 * Select2's messages in Kyrgyz, for the admin's autocomplete pickers. Django ships Select2's
 * languages but no Kyrgyz, and loads admin/js/vendor/select2/i18n/<code>.js only for the codes in
 * django.contrib.admin.widgets.SELECT2_TRANSLATIONS; unionsite/admin_i18n.py adds "ky" there, and
 * this file (STATICFILES_DIRS comes before the apps' static files) is the one it loads.
 * Same shape as Select2 4.0.13's own i18n files.
 */
(function () {
    "use strict";
    if (!(window.jQuery && jQuery.fn && jQuery.fn.select2 && jQuery.fn.select2.amd)) {
        return;
    }
    jQuery.fn.select2.amd.define("select2/i18n/ky", [], () => ({
        errorLoading: () => "Жыйынтыктарды жүктөө мүмкүн болгон жок",
        inputTooLong: (args) => `Дагы ${args.input.length - args.maximum} белгини өчүрүңүз`,
        inputTooShort: (args) => `Дагы жок дегенде ${args.minimum - args.input.length} белги жазыңыз`,
        loadingMore: () => "Дагы жүктөлүүдө…",
        maximumSelected: (args) => `Эң көп дегенде ${args.maximum} гана тандай аласыз`,
        noResults: () => "Эч нерсе табылган жок",
        searching: () => "Изделүүдө…",
        removeAllItems: () => "Баарын алып салуу",
    }));
})();
