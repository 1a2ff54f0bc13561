const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value made safe to put between tags or in quotes. */
export const esc = (value: string | number) => String(value).replace(/[&<>"']/g, (char) => ENTITIES[char]);
