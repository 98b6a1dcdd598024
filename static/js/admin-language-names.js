/*
 * The names of the languages on the tabs of every bilingual admin form, in the staff member's
 * language. modeltranslation's tabbed_translation_fields.js titles each tab with
 * `new Intl.DisplayNames([page language], {type: "language"}).of(tab language)`; browsers have no
 * Kyrgyz names for languages, so the Kyrgyz admin showed "Kyrgyz" and "Russian". Loaded just
 * before that script (unionsite/admin_i18n.py), after the admin's JavaScript catalogue, which
 * translates both names (unionsite/admin_strings.js).
 */
/* global gettext */
"use strict";

(() => {
    const Native = window.Intl && window.Intl.DisplayNames;
    if (!Native || typeof gettext !== "function") {
        return;
    }
    const names = { ky: gettext("Kyrgyz"), ru: gettext("Russian") };

    class SiteLanguageNames extends Native {
        constructor(locales, options) {
            super(locales, options);
            this.namesLanguages = Boolean(options && options.type === "language");
        }

        of(code) {
            if (this.namesLanguages && Object.hasOwn(names, code)) {
                return names[code];
            }
            return super.of(code);
        }
    }

    window.Intl.DisplayNames = SiteLanguageNames;
})();
