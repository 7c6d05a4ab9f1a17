#!/usr/bin/env node
// Headless entry of AXNet Lab: registers tsx so that the TypeScript sources run as-is, then starts cli/main.ts.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
