import type { ChaosSwitch } from '../engine';
import type { Store } from '../store/store';

/** The settings key of the kill switch: '0' when chaos is off for the whole app. */
export const CHAOS_ENABLED_SETTING = 'chaos.enabled';

/**
 * The app's chaos kill switch: one flag every chaos step reads on every request
 * (engine/pipeline/faults-stage.ts), so turning it off stops all chaos at once — latency,
 * errors and faults of every mock and project — without touching their settings or
 * recompiling anything. Persisted in catalog.db's settings unless a run asks otherwise
 * (`mockdeck serve --no-chaos` turns it off for that run only).
 */
export class ChaosKillSwitch implements ChaosSwitch {
  enabled: boolean;

  constructor(private readonly store: Store) {
    this.enabled = store.settings.get(CHAOS_ENABLED_SETTING) !== '0';
  }

  set(enabled: boolean, persist: boolean): void {
    this.enabled = enabled;
    if (persist) this.store.settings.set(CHAOS_ENABLED_SETTING, enabled ? '1' : '0');
  }
}
