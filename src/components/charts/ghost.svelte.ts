// What moved on a chart (issue 11): the "ghost" of the curve before a change,
// drawn faintly behind the new one until a pause without changes (or the
// "hide before" button), and the curve gliding to its new place in at most
// MOVE_MS. Points are kept in data units, so a ghost is drawn in the chart's
// current scales. Each chart calls these in its script, one line per curve.
import { untrack } from 'svelte';
import { cubicOut } from 'svelte/easing';

export interface GhostPoint {
  readonly x: number;
  readonly y: number;
}

type Points = readonly GhostPoint[];

/** The ghost goes after this long without a change. */
export const GHOST_PAUSE_MS = 4000;
/** The longest a curve takes to reach its new place. */
export const MOVE_MS = 200;

/**
 * The lesson step on screen, set by the lesson guide: while a step with
 * `before: k` is shown, every chart's ghost is the state it showed at step k
 * and stays until the step changes. Steps are 1-based, as in the lesson data.
 */
export const lessonGhost = $state<{ step: number | null; before: number | null }>({ step: null, before: null });

/** Reduced motion also where the preference cannot be asked (no matchMedia: jsdom, very old browsers). */
export function prefersReducedMotion(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return true;
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function samePoints(a: Points, b: Points): boolean {
  return a.length === b.length && a.every((p, i) => p.x === b[i]?.x && p.y === b[i]?.y);
}

export interface Ghost {
  /** The earlier curve, or null when nothing changed lately. */
  readonly points: Points | null;
  /** Hides the ghost now (the "hide before" button). */
  clear: () => void;
}

/**
 * Follows a curve and keeps the one from before the latest run of changes:
 * while changes come in quicker than the pause (a drag), the ghost stays the
 * curve from before the drag began, so it shows the whole move.
 */
export function ghostOf(points: () => Points, pauseMs = GHOST_PAUSE_MS): Ghost {
  let ghost = $state.raw<Points | null>(null);
  let last: Points | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pinnedShown = false;
  // Per lesson step, the curve last shown on it (for steps that say "before").
  // Plain on purpose: written inside the effect, and nothing renders from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const byStep = new Map<number, Points>();

  function clear(): void {
    clearTimeout(timer);
    timer = undefined;
    ghost = null;
  }

  $effect(() => {
    const next = points();
    const { step, before } = lessonGhost;
    untrack(() => {
      if (step !== null) byStep.set(step, next);
      else byStep.clear();
      const pinned = before === null ? undefined : byStep.get(before);
      if (pinned) {
        clearTimeout(timer);
        ghost = samePoints(pinned, next) ? null : pinned;
        pinnedShown = true;
        last = next;
        return;
      }
      // A step's "before" ghost belongs to that step only.
      if (pinnedShown) {
        pinnedShown = false;
        clear();
      }
      if (last !== null && !samePoints(last, next)) {
        if (ghost === null) ghost = last;
        clearTimeout(timer);
        timer = setTimeout(clear, pauseMs);
      }
      last = next;
    });
  });
  $effect(() => () => clearTimeout(timer));

  return {
    get points() {
      return ghost;
    },
    clear,
  };
}

/** From one curve to the next point by point; curves of different lengths jump. */
function interpolatePoints(from: Points, to: Points): (t: number) => Points {
  if (from.length !== to.length) return () => to;
  return (t) => to.map((p, i) => {
    const a = from[i] ?? p;
    return { x: a.x + (p.x - a.x) * t, y: a.y + (p.y - a.y) * t };
  });
}

/**
 * The curve as drawn: gliding to each new value in MOVE_MS, at once under
 * prefers-reduced-motion (and without matchMedia or requestAnimationFrame). A small frame
 * loop instead of svelte/motion, whose module asks matchMedia on import.
 */
export function movingPoints(points: () => Points): { readonly current: Points } {
  let current = $state.raw<Points>(untrack(points));
  let frame = 0;
  $effect.pre(() => {
    const next = points();
    const from = untrack(() => current);
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    if (prefersReducedMotion() || typeof requestAnimationFrame !== 'function' || samePoints(from, next)) {
      current = next;
      return;
    }
    const at = interpolatePoints(from, next);
    const start = performance.now();
    const tick = (now: number): void => {
      const t = Math.min(1, Math.max(0, (now - start) / MOVE_MS));
      current = t >= 1 ? next : at(cubicOut(t));
      if (t < 1) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  });
  $effect(() => () => {
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
  });
  return {
    get current() {
      return current;
    },
  };
}
