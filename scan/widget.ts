// Everything the scanner takes from the widget's source, in one place: the service catalogue, the languages
// and the names the widget itself stores under.
export { COOKIE_NAME } from '../src/core/decision-store';
export { LANGUAGES, type Lang } from '../src/core/languages';
export { PENDING_KEY } from '../src/effects/receipt-outbox';
export { SERVICE_COOKIES, SERVICE_NAMES } from '../src/settings/service-catalogue';
