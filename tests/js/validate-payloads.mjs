// Checks outgoing Discord bodies and Teams Adaptive Cards with the platforms' own libraries, for the .NET tests
// (tests/StudyBot.IntegrationTests/Validation/PlatformValidators.cs), which start one process and keep it.
// Protocol: one JSON request per line on stdin, {"id", "kind", "body"}; one answer per line on stdout, {"id", "errors"}.
// Kinds: the Discord operations (create_message, update_message, execute_webhook, update_original_webhook_message,
// create_interaction_response (messages, autocomplete choices and modals), bulk_set_application_commands, create_dm, create_thread_from_message, trigger_typing)
// and "adaptive_card".
//   Discord: every embed, component and command is rebuilt with @discordjs/builders' validating setters, the embed
//   total is checked with its embedLength, and the body is type-checked with tsc against discord-api-types (an object
//   literal, so unknown fields are errors too).
//   Teams: the card is parsed and validated by adaptivecards with Teams' limits (6 actions, schema version 1.5).
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'package.json'));
const builders = require('@discordjs/builders');
const ts = require('typescript');
// The package's "main" is an ES build without file extensions that Node cannot load; its UMD bundle works.
const AC = require(join(here, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

const MaxEmbedTotal = 6000;
const TeamsMaxActions = 6;
const TeamsMaxCardVersion = 1.5;

const discordTypes = {
  create_message: 'RESTPostAPIChannelMessageJSONBody',
  update_message: 'RESTPatchAPIChannelMessageJSONBody',
  execute_webhook: 'RESTPostAPIInteractionFollowupJSONBody',
  update_original_webhook_message: 'RESTPatchAPIInteractionOriginalResponseJSONBody',
  create_interaction_response: 'APIInteractionResponse',
  bulk_set_application_commands: 'RESTPutAPIApplicationCommandsJSONBody',
  bulk_set_guild_application_commands: 'RESTPutAPIApplicationGuildCommandsJSONBody',
  create_dm: 'RESTPostAPICurrentUserCreateDMChannelJSONBody',
  create_thread_from_message: 'RESTPostAPIChannelMessagesThreadsJSONBody',
};

function messageErrors(message, errors) {
  if (!message || typeof message !== 'object') return;
  if (typeof message.content === 'string' && message.content.length > 2000) {
    errors.push(`content is ${message.content.length} characters; Discord allows 2000`);
  }
  const embeds = message.embeds ?? [];
  if (embeds.length > 10) errors.push(`${embeds.length} embeds; Discord allows 10`);
  let total = 0;
  for (const [i, embed] of embeds.entries()) {
    tryBuild(`embeds[${i}]`, errors, () => {
      const b = new builders.EmbedBuilder();
      if (embed.title !== undefined) b.setTitle(embed.title);
      if (embed.description !== undefined) b.setDescription(embed.description);
      if (embed.color !== undefined) b.setColor(embed.color);
      if (embed.url !== undefined) b.setURL(embed.url);
      if (embed.footer !== undefined) b.setFooter(embed.footer);
      if (embed.image !== undefined) b.setImage(embed.image.url);
      if (embed.fields !== undefined) b.addFields(...embed.fields);
      return b.toJSON();
    });
    total += builders.embedLength(embed);
  }
  if (total > MaxEmbedTotal) errors.push(`the embeds hold ${total} characters; Discord allows ${MaxEmbedTotal} in all`);
  for (const [i, row] of (message.components ?? []).entries()) {
    tryBuild(`components[${i}]`, errors, () => {
      const r = new builders.ActionRowBuilder();
      for (const c of row.components ?? []) {
        if (c.type !== 2) throw new Error(`component type ${c.type} is not a button`);
        const button = new builders.ButtonBuilder().setStyle(c.style).setLabel(c.label);
        if (c.custom_id !== undefined) button.setCustomId(c.custom_id);
        if (c.url !== undefined) button.setURL(c.url);
        if (c.disabled !== undefined) button.setDisabled(c.disabled);
        r.addComponents(button);
      }
      if ((row.components ?? []).length > 5) throw new Error('more than 5 buttons in a row');
      return r.toJSON();
    });
  }
  if ((message.components ?? []).length > 5) errors.push('more than 5 action rows');
}

function commandErrors(commands, errors) {
  if (!Array.isArray(commands)) { errors.push('not an array of commands'); return; }
  if (commands.length > 100) errors.push('more than 100 commands');
  for (const [i, c] of commands.entries()) {
    tryBuild(`commands[${i}] (${c.name})`, errors, () => {
      if ((c.type ?? 1) !== 1) {
        const b = new builders.ContextMenuCommandBuilder().setName(c.name).setType(c.type);
        common(b, c);
        return b.toJSON();
      }
      const b = new builders.SlashCommandBuilder().setName(c.name).setDescription(c.description);
      common(b, c);
      for (const o of c.options ?? []) {
        if (o.type === 1) b.addSubcommand(s => { s.setName(o.name).setDescription(o.description); for (const so of o.options ?? []) addOption(s, so); return s; });
        else addOption(b, o);
      }
      return b.toJSON();
    });
  }
  function common(b, c) {
    if (c.default_member_permissions !== undefined) b.setDefaultMemberPermissions(c.default_member_permissions);
    if (c.contexts !== undefined) b.setContexts(...c.contexts);
    if (c.integration_types !== undefined) b.setIntegrationTypes(...c.integration_types);
    if (c.nsfw !== undefined) b.setNSFW(c.nsfw);
  }
  function addOption(b, o) {
    if (o.type === 4) {
      b.addIntegerOption(n => {
        n.setName(o.name).setDescription(o.description);
        if (o.required !== undefined) n.setRequired(o.required);
        if (o.min_value !== undefined) n.setMinValue(o.min_value);
        if (o.max_value !== undefined) n.setMaxValue(o.max_value);
        return n;
      });
      return;
    }
    if (o.type !== 3) throw new Error(`option ${o.name}: type ${o.type} is neither a string nor an integer option`);
    b.addStringOption(s => {
      s.setName(o.name).setDescription(o.description);
      if (o.required !== undefined) s.setRequired(o.required);
      if (o.max_length !== undefined) s.setMaxLength(o.max_length);
      if (o.min_length !== undefined) s.setMinLength(o.min_length);
      if (o.autocomplete !== undefined) s.setAutocomplete(o.autocomplete);
      return s;
    });
  }
}

function interactionResponseErrors(response, errors) {
  switch (response?.type) {
    case 1: return;
    case 4: case 7: messageErrors(response.data, errors); return;
    case 5: case 6: return;
    case 8: {
      const choices = response.data?.choices ?? [];
      if (choices.length > 25) { errors.push(`${choices.length} autocomplete choices; Discord allows 25`); return; }
      // The string option's choice validators hold Discord's limits (name 1–100, value up to 100 characters).
      tryBuild('data.choices', errors, () => new builders.SlashCommandStringOption().setName('q').setDescription('q').addChoices(...choices).toJSON());
      return;
    }
    case 9: modalErrors(response.data, errors); return;
    default: errors.push(`interaction response type ${response?.type} is not checked here`);
  }
}

// A modal: title and custom_id, then action rows of text inputs, each rebuilt with the validating builders.
function modalErrors(modal, errors) {
  tryBuild('data', errors, () => {
    const b = new builders.ModalBuilder().setCustomId(modal.custom_id).setTitle(modal.title);
    for (const row of modal.components ?? []) {
      if (row.type !== 1) throw new Error(`modal component type ${row.type} is not an action row`);
      const r = new builders.ActionRowBuilder();
      for (const c of row.components ?? []) {
        if (c.type !== 4) throw new Error(`modal row component type ${c.type} is not a text input`);
        const input = new builders.TextInputBuilder().setCustomId(c.custom_id).setLabel(c.label).setStyle(c.style);
        if (c.placeholder !== undefined) input.setPlaceholder(c.placeholder);
        if (c.max_length !== undefined) input.setMaxLength(c.max_length);
        if (c.min_length !== undefined) input.setMinLength(c.min_length);
        if (c.required !== undefined) input.setRequired(c.required);
        r.addComponents(input);
      }
      b.addComponents(r);
    }
    return b.toJSON();
  });
}

function tryBuild(where, errors, build) {
  try { build(); } catch (e) { errors.push(`${where}: ${firstLine(e)}`); }
}

function firstLine(e) {
  const text = e?.errors ? e.errors.map(([k, v]) => `${k}: ${v?.message ?? v}`).join('; ') : String(e?.message ?? e);
  return text.split('\n').slice(0, 6).join(' ');
}

// tsc: one program per request, reusing the previous one, so lib.d.ts and discord-api-types are parsed once.
const fileName = join(here, '__payload__.ts');
const options = { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, types: [] };
const host = ts.createCompilerHost(options);
let current = '';
let program;
const cache = new Map();
const baseGetSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (name, lang, onError, create) => {
  if (name === fileName) return ts.createSourceFile(name, current, lang);
  if (!cache.has(name)) cache.set(name, baseGetSourceFile(name, lang, onError, create));
  return cache.get(name);
};
host.fileExists = (name) => name === fileName || ts.sys.fileExists(name);
host.readFile = (name) => (name === fileName ? current : ts.sys.readFile(name));

function typeErrors(typeName, body, errors) {
  if (Array.isArray(body)) {
    // Discord's OpenAPI declares default_member_permissions an integer, discord-api-types a string of digits; the API
    // takes both, and the bot sends what the OpenAPI says. Only that field is converted before tsc sees it.
    body = body.map(c => (typeof c?.default_member_permissions === 'number' ? { ...c, default_member_permissions: String(c.default_member_permissions) } : c));
  }
  current = `import type { ${typeName} } from 'discord-api-types/v10';\nexport const body: ${typeName} = ${JSON.stringify(body, null, 1)};\n`;
  program = ts.createProgram({ rootNames: [fileName], options, host, oldProgram: program });
  const diagnostics = [...program.getSyntacticDiagnostics(program.getSourceFile(fileName)), ...program.getSemanticDiagnostics(program.getSourceFile(fileName))];
  for (const d of diagnostics.slice(0, 5)) {
    const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
    errors.push(`tsc ${typeName} (line ${line}): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`.slice(0, 600));
  }
}

function cardErrors(card, errors) {
  if (card?.type !== 'AdaptiveCard') { errors.push('not an AdaptiveCard'); return; }
  const version = Number.parseFloat(card.version);
  if (!(version <= TeamsMaxCardVersion)) errors.push(`card version ${card.version} is not one Teams renders (up to ${TeamsMaxCardVersion})`);
  const adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = new AC.HostConfig({ actions: { maxActions: TeamsMaxActions } });
  const context = new AC.SerializationContext();
  adaptive.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    errors.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of adaptive.validateProperties().validationEvents) errors.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
}

function validate(kind, body) {
  const errors = [];
  if (kind === 'adaptive_card') { cardErrors(body, errors); return errors; }
  if (kind === 'trigger_typing') { if (body !== null && body !== undefined && Object.keys(body).length) errors.push('typing takes no body'); return errors; }
  const typeName = discordTypes[kind];
  if (!typeName) return [`unknown kind ${kind}`];
  if (kind === 'create_interaction_response') interactionResponseErrors(body, errors);
  else if (kind.startsWith('bulk_set_')) commandErrors(body, errors);
  else if (kind !== 'create_dm' && kind !== 'create_thread_from_message') messageErrors(body, errors);
  typeErrors(typeName, body, errors);
  return errors;
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let id = null;
  try {
    const request = JSON.parse(line);
    id = request.id;
    process.stdout.write(JSON.stringify({ id, errors: validate(request.kind, request.body) }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ id, errors: [`validator failed: ${firstLine(e)}`] }) + '\n');
  }
}
