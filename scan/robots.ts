import robotsParser from 'robots-parser';

export const USER_AGENT = 'shop-consent-scan';

/**
 * Whether robots.txt lets the scanner open a page. A missing or unreadable robots.txt allows everything, as
 * crawlers agree; rules for `*` apply unless the file names `shop-consent-scan`.
 */
export const robotsRules = (robotsUrl: string, text: string | undefined): ((url: string) => boolean) => {
  if (text === undefined) return () => true;
  const robots = robotsParser(robotsUrl, text);
  return (url) => robots.isAllowed(url, USER_AGENT) !== false;
};

export const fetchRobots = async (origin: string): Promise<(url: string) => boolean> => {
  const robotsUrl = `${origin}/robots.txt`;
  try {
    const response = await fetch(robotsUrl, { signal: AbortSignal.timeout(10_000) });
    return robotsRules(robotsUrl, response.ok ? await response.text() : undefined);
  } catch {
    return robotsRules(robotsUrl, undefined);
  }
};
