import template from 'virtual:shopconsent-first-layer';
import { showBanner } from './show-banner';
import type { BannerChunk } from './types';

/** The banner's controller and our texts, as the build of this chunk compiled them (one language or all). */
export const bannerChunk: BannerChunk = { texts: template.texts, show: showBanner };
