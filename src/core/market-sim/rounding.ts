/**
 * Rounding on price grids without binary-float residue (600.1200000001 -> 600.12): a grid step that divides 1
 * (0.01, 0.05, 0.1) is applied as an integer count divided by the steps per unit, which gives the double nearest
 * the decimal; whole steps (1, 2.5, 5) are exact in binary.
 */

const EPSILON = 1e-9;

function onGrid(count: number, step: number): number {
  if (step >= 1) {
    return count * step;
  }
  const perUnit = Math.round(1 / step);
  return Math.abs(perUnit * step - 1) < EPSILON ? count / perUnit : count * step;
}

export function roundTo(value: number, step: number): number {
  return onGrid(Math.round(value / step), step);
}

export function floorTo(value: number, step: number): number {
  return onGrid(Math.floor(value / step + EPSILON), step);
}

export function ceilTo(value: number, step: number): number {
  return onGrid(Math.ceil(value / step - EPSILON), step);
}

export function roundCents(value: number): number {
  return roundTo(value, 0.01);
}
