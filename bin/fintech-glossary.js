#!/usr/bin/env node
// Entry point for the CLI and for other editors' LSP clients: `fintech-glossary lsp --stdio`.
require('../dist/server.js');
