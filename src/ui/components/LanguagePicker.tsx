import type { TFunction } from 'i18next';
import { LANGUAGES, type Lang } from '../../core/languages';

export interface LanguagePickerProps {
  lang: Lang;
  t: TFunction;
  onChange: (code: string) => void;
}

/**
 * The dialog's language. Each option is the language's own name in its own `lang`, so a visitor who cannot
 * read the current language still finds theirs, and a screen reader pronounces each name correctly.
 * A native `<select>`: keyboard, touch and screen readers work the way the visitor's platform does.
 */
export const LanguagePicker = ({ lang, t, onChange }: LanguagePickerProps) => (
  <div class="sc-language">
    <label class="sc-language-label" for="sc-language">
      {t('language.label')}
    </label>
    <select
      value={lang}
      onChange={(event) => onChange(event.currentTarget.value)}
      id="sc-language"
      class="sc-language-select"
    >
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {t('language.name', { lng: code })}
        </option>
      ))}
    </select>
  </div>
);
