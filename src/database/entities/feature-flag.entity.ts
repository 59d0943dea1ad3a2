import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/**
 * Runtime feature toggles, named as the lowercase env variable (enable_variant_b). The SeedDefaults migration
 * writes the spec's defaults with updated_by = 'migration'; a row changed through the API names its author.
 */
@Entity({ name: 'feature_flags' })
@Unique('uq_feature_flags_name', ['name'])
export class FeatureFlag {
  @PrimaryGeneratedColumn('uuid', { name: 'flag_id', primaryKeyConstraintName: 'pk_feature_flags' })
  flagId: string;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'enabled', type: 'boolean', default: false })
  enabled: boolean;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 100, nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
