// What each language's texts must and must not contain: its alphabet, its neighbours' letters, and the
// words of the glossary (compliance-and-locales.md, parts B and C) that must not come back.

/** Languages written in Cyrillic, and how much of each value must be Cyrillic. */
export const CYRILLIC_LANGUAGES = ['mn', 'ky'];
export const MIN_CYRILLIC_SHARE = 0.8;
/** Letters of a language's neighbours that it does not have (part B.1): Kazakh for both, ң also for Mongolian. */
export const FOREIGN_LETTERS: Record<string, [RegExp, string][]> = {
  mn: [
    [/[әӘғҒқҚұҰһҺіІ]/u, 'has ә ғ қ ұ һ і, Kazakh letters Mongolian does not have'],
    [/[ңҢ]/u, 'has ң, a Kyrgyz and Kazakh letter Mongolian does not have'],
  ],
  ky: [[/[әӘғҒқҚұҰһҺіІ]/u, 'has ә ғ қ ұ һ і, letters Kyrgyz does not have (Kazakh)']],
};
/** Letters that show a text is in the language and not in Russian (or a neighbour). */
export const OWN_LETTERS: Record<string, RegExp> = { mn: /[өүӨҮ]/u, ky: /[ңөүҢӨҮ]/u };

/**
 * Words that must not come back (glossary, part C): the machine-translation slips of the seed policies
 * (C.5) and the terms we decided against, with the term to use instead.
 */
export const FORBIDDEN_TERMS: Record<string, [RegExp, string][]> = {
  mn: [
    [/cookie/iu, 'write "күүки", the word Mongolian cookie policies use'],
    [/тэдгээргүйгээр/iu, 'bookish; name what is meant: "эдгээр күүкигүйгээр"'],
    [/таныг\s+асаа/iu, '"таныг асаах" reads as "switch you on"; the visitor switches them on: "та өөрөө асаах"'],
  ],
  ky: [
    [/партия|партиян|партиял/iu, '"партия" is a political party; a third party is "үчүнчү тарап" or "үчүнчү жак"'],
    [/заказ/iu, 'use the Kyrgyz "буйрутма" for an order, not the Russian loan "заказ"'],
    [/иштеп\s+чыгуу/iu, '"иштеп чыгуу" means to develop or produce; processing is "иштетүү"'],
    [/cookie/iu, 'write "куки" / "кукилер", as Kyrgyz cookie pages do, not "cookie" or "cookie-файлдар"'],
  ],
  vi: [
    [/bên thứ 3/iu, 'write "bên thứ ba"'],
    [/phi cá nhân/iu, 'cookies and IP addresses are personal data; do not call them "phi cá nhân"'],
  ],
  lv: [
    [/sīkfail/iu, 'the standard term is "sīkdatne" (likumi.lv, DVI)'],
    [/drošības politik/iu, 'a privacy policy is "privātuma politika"; "drošības politika" is a security policy'],
    [
      /līdz\s+jūs\s+(?:\p{L}+\s+)?\p{L}+(?<!s)(?:at|āt|iet)(?!\p{L})/iu,
      'after "līdz" (until) the verb is in the future: "līdz jūs tās ieslēgsiet", not "ieslēdzat"',
    ],
    [/(?<!\p{L})skatītās\s+preces/iu, 'goods the visitor looked at are "apskatītās preces"'],
  ],
};
