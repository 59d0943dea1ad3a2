import type { AppConfig } from '../config';

/** The value the environment gives each feature flag row (names are the lowercase env names). */
export function featureFlagsFromConfig(config: AppConfig): Record<string, boolean> {
  return {
    enable_orchestrator: config.features.enableOrchestrator,
    enable_variant_b: config.features.enableVariantB,
    enable_orb_specialist: config.features.enableOrbSpecialist,
    enable_strat_specialist: config.features.enableStratSpecialist,
    enable_ttm_specialist: config.features.enableTtmSpecialist,
    enable_satyland_subagent: config.features.enableSatylandSubagent,
    enable_shadow_execution: config.features.enableShadowExecution,
    enable_dual_paper_trading: config.features.enableDualPaperTrading,
    enable_mtf_bias_pipeline: config.mtfBias.pipelineEnabled,
    require_mtf_bias_for_entry: config.mtfBias.requireForEntry,
    enable_portfolio_guard: config.mtfBias.portfolioGuard,
    enable_confluence_gate: config.confluence.gateEnabled,
    enable_confluence_sizing: config.confluence.sizingEnabled,
    enable_exit_decision_engine: config.exits.enableExitDecisionEngine,
    enable_exit_intelligence: config.exits.enableExitIntelligence,
    enable_dealer_gex: config.dealer.gexEnabled,
    enable_dealer_uw_gamma: config.dealer.uwGammaEnabled,
    position_replacement_enabled: config.risk.positionReplacementEnabled,
    auto_close_near_target: config.risk.autoCloseNearTarget,
    close_aged_positions: config.risk.closeAgedPositions,
  };
}
