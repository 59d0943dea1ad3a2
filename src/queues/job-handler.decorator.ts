import { SetMetadata } from '@nestjs/common';
import { JobName } from './queue.contract';

export const JOB_HANDLER_METADATA = 'platform:job-handler';

/** Marks a provider method as THE handler of a job name; the worker registry checks there is exactly one. */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER_METADATA, name);
