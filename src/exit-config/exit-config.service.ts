import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../config';
import { DEFAULT_EXIT_CONFIG, type ExitConfig } from '../core/exits';
import { FeatureFlagsService } from '../feature-flags/feature-flags.service';

interface ExitRuleRow {
  profit_target_percent: string;
  stop_loss_percent: string;
  max_hold_time_hours: number;
  min_dte_exit: number;
}

/**
 * The exit settings both books (real and shadow) use, so their comparison is fair: the enabled exit_rules row for
 * the spec's four rules (else the environment), the trailing stop from the environment, the decision engine and
 * the exit intelligence from their feature flags.
 */
@Injectable()
export class ExitConfigService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly flags: FeatureFlagsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async current(): Promise<ExitConfig> {
    const [rules, flags] = await Promise.all([
      this.dataSource.query<ExitRuleRow[]>(
        `SELECT profit_target_percent, stop_loss_percent, max_hold_time_hours, min_dte_exit FROM exit_rules
          WHERE enabled ORDER BY rule_name = 'default' DESC, updated_at DESC LIMIT 1`,
      ),
      this.flags.snapshot(),
    ]);
    const rule = rules[0] ?? null;
    const exits = this.config.exits;
    return {
      ...DEFAULT_EXIT_CONFIG,
      profitTargetPct: rule ? Number(rule.profit_target_percent) : exits.profitTargetPct,
      stopLossPct: rule ? Number(rule.stop_loss_percent) : exits.stopLossPct,
      maxHoldHours: rule ? rule.max_hold_time_hours : exits.maxHoldTimeHours,
      minDteExit: rule ? rule.min_dte_exit : exits.timeStopDte,
      trailingStopPct: exits.trailingStopPct,
      trailingActivationPct: exits.trailingStopActivationPct,
      enableDecisionEngine: flags.enabled('enable_exit_decision_engine'),
      enableIntelligence: flags.enabled('enable_exit_intelligence'),
    };
  }
}
