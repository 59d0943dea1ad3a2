export { SimulatedProvider } from './simulated.provider';
