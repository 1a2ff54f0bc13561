import { BANNER_REGISTRY, type RegistryWindow } from '../runtime/bundle-registry';
import { bannerChunk } from './banner-chunk';

// Loaded by the core's script tag when a visitor has to decide: hand it the banner in our language.
(window as RegistryWindow)[BANNER_REGISTRY] = bannerChunk;
