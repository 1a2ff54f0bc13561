export interface UnbrokenProps {
  /** A sentence the locale file made, such as "Choice saved on 5 December 2025". */
  text: string;
  /** The part of it no line may break inside: a date, a count and its noun. */
  part: string;
}

/**
 * `text` with `part` kept on one line. A no-break space in the locale file would not be enough: dates
 * come from Intl with plain spaces, and Chromium breaks after the hyphen of Kyrgyz "5-декабрь".
 * A shop's own text without the part is shown as it is.
 */
export const Unbroken = ({ text, part }: UnbrokenProps) => {
  const at = part ? text.indexOf(part) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span class="sc-nowrap">{part}</span>
      {text.slice(at + part.length)}
    </>
  );
};
