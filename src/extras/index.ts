import { EXTRAS_REGISTRY, type RegistryWindow } from '../runtime/bundle-registry';
import { extras } from './extras';

// Loaded by the core's script tag when a page needs one of the extras.
(window as RegistryWindow)[EXTRAS_REGISTRY] = extras;
