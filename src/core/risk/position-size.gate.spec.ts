import { limits, NOW, snapshot } from './risk.fixtures';
import { positionSizeGate } from './position-size.gate';

describe('positionSizeGate', () => {
  it('when_not_sized_then_passes', () => {
    expect(positionSizeGate(snapshot(), limits(), NOW)).toMatchObject({ pass: true, code: 'ok' });
  });

  it('when_exactly_the_maximum_then_passes_without_reduction', () => {
    const verdict = positionSizeGate(snapshot({ proposed: { quantity: 10, premium: 2 } }), limits(), NOW);
    expect(verdict).toEqual({ pass: true, code: 'ok', detail: '10 of at most 10 contracts' });
  });

  it('when_above_the_maximum_then_passes_reduced_to_the_maximum', () => {
    const verdict = positionSizeGate(snapshot({ proposed: { quantity: 11, premium: 2 } }), limits(), NOW);
    expect(verdict).toMatchObject({ pass: true, code: 'max_position_size', action: 'reduce', reduceTo: 10 });
  });

  it.each([0, -1, 2.5, Number.NaN])('when_quantity_%p_then_blocks_invalid_position_size', (quantity) => {
    const verdict = positionSizeGate(snapshot({ proposed: { quantity, premium: 2 } }), limits(), NOW);
    expect(verdict).toMatchObject({ pass: false, code: 'invalid_position_size', action: 'block' });
  });
});
