import { type RegistryWindow, UI_REGISTRY } from '../runtime/bundle-registry';
import { mountUi } from './mount';

// Loaded by the core's script tag: hand the core our mount function; the core decides when to call it.
(window as RegistryWindow)[UI_REGISTRY] = mountUi;
