/** A cookie name against a name or `*` pattern, as the widget's `cookies` setting reads them. */
export const matchesPattern = (name: string, pattern: string): boolean => {
  if (!pattern.includes('*')) return name === pattern;
  const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(name);
};

/** `host` is `domain` or one of its subdomains. */
export const hostWithin = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);
