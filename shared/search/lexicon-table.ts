/**
 * The developer-vocabulary lexicon, written by hand by the RepoScout team from general
 * knowledge of software development: the names, abbreviations, spellings and product names
 * developers use for the same thing, and the broader field each belongs to. It was NOT
 * derived from any evaluation set, its labels or its categories.
 *
 * One concept per line: `concept | broader concepts | variants`.
 * - concept: the canonical term (one or two words) added to a document's expansion field;
 * - broader: canonical terms of wider fields it belongs to (added to documents, not queries);
 * - variants: comma-separated words or phrases that name it (matched on whole words after
 *   identifier splitting; a trailing plural "s" is ignored). The concept itself matches too.
 */
export const LEXICON_TABLE = `
database | | databases, db, dbms, datastore, data store, rdbms
sql | database | sql query, query builder, querybuilder
nosql | database | document store, document database, key value store, kv store, keyvalue
postgresql | database sql | postgres, pg, psql, pgsql, postgre, postgis, cockroachdb, timescaledb
mysql | database sql | mariadb, mysql2, percona
sqlite | database sql | sqlite3, sqlite 3, libsql, better sqlite3
mssql | database sql | sql server, sqlserver, tedious, tsql, t sql
oracle database | database sql | oracledb, oracle db, oci8
mongodb | database nosql | mongo, mongoose, mongod, bson
redis | database nosql cache | valkey, keydb, ioredis
couchdb | database nosql | couch, pouchdb, couchbase
cassandra | database nosql | scylla, scylladb, cql
elasticsearch | search engine | elastic search, elastic, opensearch, kibana, lucene, solr
leveldb | database nosql | levelup, leveldown, rocksdb, lmdb
neo4j | database graph | cypher, graph database, graphdb
dynamodb | database nosql aws | dynamo
firebase | database cloud | firestore, realtime database
orm | database | object relational mapping, object relational mapper, active record, activerecord, data mapper, sequelize, typeorm, prisma, knex, objection, bookshelf, mikro orm, mikroorm, drizzle, waterline, gorm, hibernate, sqlalchemy
migration | database | migrations, schema migration, migrate
cache | | caching, cached, memoize, memoization, memcached, memcache, lru, ttl cache
search engine | | full text search, fulltext, full text, search index, inverted index, fuzzy search, meilisearch, typesense, algolia
kubernetes | container cloud | k8s, kube, kubectl, helm, kubelet, openshift, k3s, minikube
docker | container | dockerfile, docker compose, docker-compose, moby, podman, containerd
container | devops | containers, containerization, containerized, oci image
cloud | | aws, amazon web services, gcp, google cloud, azure, cloudflare, heroku, vercel, netlify, digitalocean, serverless
aws | cloud | amazon web services, s3, ec2, lambda, cloudformation, sqs, sns, cdk, boto, aws sdk
serverless | cloud | faas, function as a service, lambda, cloud functions, edge functions
devops | | ci cd, infrastructure, deployment, deploy, provisioning, infrastructure as code, iac, terraform, ansible, pulumi, chef, puppet
helm | kubernetes | helm chart, helm charts
continuous integration | devops | ci, cicd, ci cd, github actions, travis, circleci, jenkins, gitlab ci, buildkite, drone ci
authentication | security | auth, authn, login, log in, signin, sign in, sign on, sso, single sign on, passport, oauth, oauth2, openid, oidc, saml, jwt, json web token, session, sessions, credential, credentials, password, passwords, 2fa, two factor, mfa, totp, otp, webauthn, passkey, passkeys, ldap, kerberos
jwt | authentication | json web token, json web tokens, jsonwebtoken, jws, jwe, jose
oauth | authentication | oauth2, oauth 2, oauth 1, openid, openid connect, oidc, social login
authorization | security | authz, permission, permissions, access control, rbac, abac, acl, acls, role based, policy, policies, casbin
security | | secure, vulnerability, vulnerabilities, cve, xss, csrf, sql injection, sanitize, sanitizer, sanitization, audit, pentest, owasp, helmet, content security policy, csp
cryptography | security | crypto, encrypt, encryption, decrypt, decryption, cipher, ciphers, aes, rsa, ecdsa, ed25519, elliptic curve, tls, ssl, openssl, pgp, gpg, nacl, sodium, libsodium, signature, signatures, hmac, bcrypt, scrypt, argon2, pbkdf2
hashing | | hash, hashes, checksum, checksums, digest, sha1, sha256, sha512, md5, crc32, xxhash, murmurhash
http | networking web | https, http2, http 2, http3, http client, http request, http requests, request, requests, fetch, xhr, xmlhttprequest, ajax, axios, superagent, undici, curl, rest client
http server | http web server | web server, webserver, http framework, server framework
web framework | http server web | framework web, express, expressjs, koa, koajs, hapi, fastify, restify, nestjs, sails, adonis, adonisjs, loopback, feathers, meteor, hono, django, flask, rails, laravel, spring boot, actix
router | http server | routing, routes, route, http router, url router, path matching, path to regexp
middleware | http server | middlewares, plugin pipeline
rest api | api http | restful, restful api, rest apis, http api, json api, openapi, swagger, api spec, api documentation, raml
api | | apis, sdk, sdks, client library, api client, wrapper, bindings
graphql | api | graph ql, apollo, relay, gql, graphql schema, graphql server
rpc | api networking | grpc, json rpc, jsonrpc, xml rpc, thrift, protobuf, protocol buffers, capnproto, cap n proto, remote procedure call, trpc
websocket | networking realtime | websockets, web socket, web sockets, ws, wss, socket io, socketio, sockjs, engine io
realtime | | real time, live updates, pubsub, pub sub, publish subscribe, server sent events, sse, push notifications, long polling, webrtc
webrtc | realtime video networking | rtc, peer connection, peerconnection, stun, turn server
networking | | network, networks, tcp, udp, socket, sockets, dns, ip, ipv4, ipv6, proxy, proxies, reverse proxy, load balancer, load balancing, packet, packets, netcat, mdns, bonjour, zeroconf, vpn, ssh, telnet, ftp, sftp, smtp, mqtt, amqp, nat
proxy | networking http | proxies, reverse proxy, forward proxy, http proxy, socks, socks5, tunnel, tunneling, mitm, man in the middle
message queue | messaging | queue, queues, job queue, task queue, work queue, message broker, broker, rabbitmq, amqp, kafka, nats, zeromq, zmq, sqs, bull, bullmq, bee queue, kue, agenda, celery, sidekiq, resque, pubsub
messaging | | messages, message, chat, chatbot, chat bot, bot, bots, irc, xmpp, slack, discord, telegram, whatsapp, matrix, mattermost
email | messaging | e mail, mail, mailer, mails, emails, smtp, imap, pop3, nodemailer, sendgrid, mailgun, mailchimp, postmark, mime, newsletter
sms | messaging | text message, text messages, twilio
scheduling |  | scheduler, schedule, cron, crontab, cron job, cronjob, timer, timers, recurring, periodic
logging | observability | logger, loggers, log, logs, log file, log files, winston, bunyan, pino, log4js, morgan, syslog, log level, structured logging
observability | | monitoring, monitor, metrics, metric, telemetry, opentelemetry, tracing, trace, traces, apm, prometheus, grafana, statsd, datadog, new relic, newrelic, sentry, error tracking, health check, healthcheck, uptime, instrumentation
debugging | developer tools | debug, debugger, debuggers, inspector, breakpoint, breakpoints, stack trace, stacktrace, source map, sourcemap, sourcemaps, devtools, dev tools
profiling | performance | profiler, profile, flamegraph, flame graph, heap snapshot, heapdump, memory leak, memory leaks, cpu profile
performance |  | high performance, performant, optimization, optimize, optimized, benchmark, benchmarks, benchmarking, throughput, latency
benchmark | performance | benchmarks, benchmarking, bench, perf test, load test, load testing, stress test, stress testing, autocannon, wrk, k6, jmeter
testing | developer tools | test, tests, tester, unit test, unit tests, unit testing, test runner, test framework, testing framework, tdd, bdd, spec, specs, assert, assertion, assertions, mock, mocks, mocking, stub, stubs, stubbing, spy, spies, fixture, fixtures, snapshot testing, coverage, code coverage, jest, mocha, jasmine, ava, tap, tape, vitest, chai, sinon, karma, qunit, istanbul, nyc, c8, cypress, playwright, puppeteer, selenium, webdriver, nightwatch, testcafe, e2e, end to end, integration test, integration tests, fuzz, fuzzing, property based
browser automation | testing browser | headless, headless browser, headless chrome, puppeteer, playwright, selenium, webdriver, phantomjs, chrome devtools protocol, cdp, nightmare
web scraping | http | scraper, scrapers, scraping, scrape, crawler, crawlers, crawling, crawl, spider, spiders, cheerio, jsdom, html parser, extract data
command line | developer tools | cli, clis, terminal, console, shell, command line interface, command line tool, command line app, commandline, cmd, tty, ansi, argv, arguments parser, argument parser, option parser, args, flags, yargs, commander, minimist, meow, oclif, inquirer, prompt, prompts, spinner, spinners, progress bar, progressbar, colors, colours, chalk, kleur, repl, tui, text user interface, ncurses, curses, blessed, ink
shell | command line | bash, zsh, fish shell, posix shell, shell script, shell scripts, shelljs, powershell, execa, child process, child processes, spawn, exec
developer tools | | developer tool, devtool, dev tool, tooling, tools, utility, utilities, productivity, workflow
build tool | developer tools javascript | build system, build tools, bundler, bundlers, bundle, bundling, module bundler, webpack, rollup, esbuild, parcel, vite, browserify, turbopack, rspack, swc, gulp, grunt, makefile, task runner, brunch, snowpack, tsup
transpiler | build tool compiler | transpile, transpiling, transpilation, babel, traceur, buble, sucrase, swc, downlevel, polyfill, polyfills, ponyfill
compiler | programming language | compilers, compile, compiling, compilation, codegen, code generation, code generator, llvm, wasm, webassembly, bytecode, jit, interpreter, interpreters, virtual machine, vm
parser | | parsers, parse, parsing, parser generator, lexer, tokenizer, tokenize, grammar, peg, pegjs, antlr, nearley, chevrotain, ast, abstract syntax tree, syntax tree, acorn, esprima, espree, babel parser
linter | code quality developer tools | lint, linters, linting, eslint, jshint, jslint, tslint, stylelint, standard js, static analysis, code style, style guide, styleguide
formatter | code quality developer tools | formatting, format code, code formatter, prettier, pretty print, prettify, beautify, beautifier, indent, indentation
code quality | developer tools | complexity, code smell, code smells, duplicate code, dead code, refactor, refactoring, code review, type check, type checking
minifier | build tool performance | minify, minification, minified, uglify, uglifyjs, terser, compress javascript, cssnano, csso, html minifier
typescript | javascript programming language | ts, tsc, typed javascript, type definitions, typings, dts, definitelytyped, tsx
javascript | programming language | js, ecmascript, es6, es2015, es5, esnext, es module, es modules, esm, commonjs, cjs, vanilla js, node, nodejs, node js, deno, bun, v8
programming language |  | syntax, dsl, domain specific language
python | programming language | py, pip, pypi, cpython, python3
rust | programming language | cargo, crate, crates, rustlang
golang | programming language | go, go lang, go module, go modules
java | programming language | jvm, maven, gradle, kotlin, scala
ruby | programming language | gem, gems, rubygems, rb
csharp | programming language | c#, dotnet, net core, asp net, nuget
cpp | programming language | c++, cplusplus, cxx
php | programming language | composer, laravel, symfony, wordpress
package manager | developer tools | package managers, npm, yarn, pnpm, bower, jspm, dependency, dependencies, dependency management, lockfile, lock file, semver, semantic versioning, versioning, version bump, release, releases, publish, publishing, changelog, monorepo, monorepos, lerna, nx, workspaces
git | version control | github, gitlab, bitbucket, commit, commits, repository, repositories, repo, repos, branch, branches, merge, pull request, pull requests, git hooks, githooks, husky, pre commit, precommit
version control | developer tools | vcs, scm, source control, mercurial, hg, svn, subversion
frontend | web | front end, ui, user interface, user interfaces, ux, client side, spa, single page application, single page app, component, components, widget, widgets
react | frontend javascript | reactjs, react js, jsx, preact, next js, nextjs, react native, redux, react hooks
vue | frontend javascript | vuejs, vue js, nuxt, nuxtjs, vuex, pinia
angular | frontend javascript | angularjs, angular js, ng
svelte | frontend javascript | sveltekit, svelte kit
state management | frontend | state container, redux, mobx, vuex, zustand, recoil, xstate, state machine, state machines, flux, observable state
css | frontend styling | stylesheet, stylesheets, sass, scss, less, stylus, postcss, tailwind, tailwindcss, bootstrap, css in js, styled components, autoprefixer, bem
html | frontend web | html5, markup, dom, virtual dom, vdom, xhtml, htm
template engine | frontend html | template, templates, templating, view engine, handlebars, mustache, ejs, pug, jade, nunjucks, liquid, haml, jinja, twig, dot js, eta, marko
web | | website, websites, web app, web apps, webapp, web application, browser, browsers, internet, www, world wide web
static site generator | web documentation | static site, static sites, ssg, jamstack, jekyll, hugo, gatsby, eleventy, 11ty, hexo, docusaurus, vuepress, metalsmith, astro
documentation | | docs, doc, documentation generator, api docs, jsdoc, typedoc, docgen, readme, readmes, manual, wiki, guide, guides
markdown | documentation text | md, commonmark, gfm, github flavored markdown, marked, remark, markdown it, mdx, rst, restructuredtext, asciidoc
desktop app | gui | desktop, desktop apps, desktop application, electron, nwjs, nw js, node webkit, tauri, native app
gui | frontend | graphical user interface, gtk, qt, tray, menubar, menu bar
mobile | | mobile app, mobile apps, ios, android, react native, cordova, phonegap, ionic, capacitor, nativescript, flutter, iphone, ipad, smartphone
hardware | iot | robot, robots, robotics, arduino, raspberry pi, raspberrypi, microcontroller, microcontrollers, gpio, i2c, spi, serial port, serialport, usb, bluetooth, ble, firmware, embedded, sensor, sensors, drone, drones, johnny five, espruino, tessel
iot | hardware networking | internet of things, smart home, home automation, mqtt, zigbee, z wave, homekit
image processing | media | image, images, picture, pictures, photo, photos, thumbnail, thumbnails, resize, resizing, crop, cropping, imagemagick, graphicsmagick, sharp, jimp, png, jpeg, jpg, gif, webp, svg, exif, ocr, canvas, pixel, pixels
video | media | videos, ffmpeg, mp4, webm, streaming video, video player, hls, transcode, transcoding, youtube, vimeo, codec, codecs, camera, webcam
audio | media | sound, sounds, music, mp3, wav, ogg, flac, speech, text to speech, tts, speaker, microphone, midi, synthesizer, audio player, podcast
media | | multimedia, player, playback
pdf | document | pdfs, portable document format, pdfkit, pdf js, pdfjs, jspdf, wkhtmltopdf
spreadsheet | document data | excel, xlsx, xls, csv, tsv, google sheets, sheet, sheets, workbook, ods, tabular
document | | documents, office, word document, docx, odt, rtf, epub, ebook, ebooks
data visualization | frontend data | chart, charts, charting, graph, graphs, plot, plots, plotting, visualization, visualisation, visualize, dashboard, dashboards, d3, chartjs, chart js, highcharts, echarts, vega, diagram, diagrams, gis, leaflet, mapbox
data | | dataset, datasets, data processing, etl, pipeline, pipelines, data pipeline, analytics, big data, dataframe, dataframes
machine learning | data artificial intelligence | ml, deep learning, neural network, neural networks, neural net, tensorflow, tensorflow js, tfjs, pytorch, torch, onnx, model training, inference, classifier, classification, regression, clustering, embeddings, embedding, transformer, transformers, llm, llms, gpt, openai
artificial intelligence |  | ai, intelligent, cognitive
natural language processing | text machine learning | nlp, natural language, tokenization, stemming, stemmer, lemmatization, sentiment, sentiment analysis, language detection, named entity, ner, spell check, spellcheck, spelling, translation, translate
text | | string, strings, text processing, unicode, utf8, utf 8, charset, encoding, slug, slugify, truncate, pad, padding, whitespace, case conversion, camelcase, camel case, snake case, kebab case, pluralize, word wrap, wordwrap
regular expression | text parser | regex, regexes, regexp, regexps, regular expressions, pattern matching, glob, globs, globbing, wildcard, minimatch, micromatch, picomatch
i18n | text frontend | internationalization, internationalisation, localization, localisation, l10n, translation, translations, locale, locales, gettext, intl, icu, multilingual
date time |  | date, dates, datetime, timezone, timezones, time zone, time zones, moment, momentjs, dayjs, date fns, luxon, calendar, calendars, duration, durations, timestamp, timestamps, iso 8601, relative time, humanize time, ago
validation | | validate, validator, validators, validating, schema validation, json schema, jsonschema, ajv, joi, yup, zod, superstruct, io ts, typebox, valibot, sanitize, assert types, runtime types, type guard, type guards
serialization | data | serialize, serializer, deserialize, deserialization, marshal, marshalling, encode, decode, encoder, decoder, messagepack, msgpack, cbor, protobuf, bson, avro, pickle
json | serialization | jsonl, json lines, ndjson, json5, jsonc, json parser, json stringify, json patch, json pointer, jsonpath
yaml | serialization configuration | yml, yaml parser
toml | serialization configuration | ini, ini file, ini files
xml | serialization | xml parser, sax, xpath, xslt, xsd, soap, rss, atom feed, feed, feeds, opml
configuration | | config, configs, configure, configuration file, config file, settings, preferences, dotenv, env, environment variables, environment variable, env vars, envvar, rc file, rc files, cosmiconfig, convict, nconf
compression | file system | compress, compressed, decompress, decompression, zip, unzip, gzip, gunzip, gz, deflate, inflate, zlib, brotli, lz4, lzma, xz, zstd, zstandard, snappy, tar, tarball, archive, archives, archiver, 7z, bzip2, rar
file system |  | filesystem, fs, directory, directories, folder, folders, glob, file watcher, file watching, watch, watcher, watchers, chokidar, fsevents, inotify, symlink, symlinks, mkdir, rimraf, copy files, temp file, tmp, tempfile
streams | | stream, streaming, readable, writable, transform stream, duplex, pipe, pipes, pipeline, backpressure, through2, highland, buffer, buffers
async |  | asynchronous, async await, await, promise, promises, future, futures, callback, callbacks, concurrency, concurrent, parallel, parallelism, control flow, flow control, coroutine, coroutines, bluebird, q promise, p limit, p queue, throttle, debounce, retry, retries, backoff, semaphore, mutex, lock, locks
reactive programming | async | reactive, rxjs, rx, observable, observables, reactive extensions, most js, xstream, bacon, kefir
events | async | event, event emitter, eventemitter, event bus, eventbus, emitter, emitters, listeners, listener, pub sub
functional programming | programming language | functional, fp, lodash, underscore, ramda, immutable, immutability, immutablejs, immer, monad, monads, currying, curry, lenses, lens, persistent data structures
data structures |  | data structure, collections, collection, linked list, tree, trees, trie, heap, heaps, priority queue, hashmap, hash map, dictionary, bloom filter, graph, binary tree, btree, b tree, deque, ring buffer, circular buffer, bitset, bitfield
algorithms | | algorithm, sorting, sort, search algorithm, diff, diffing, levenshtein, edit distance, fuzzy matching, shortest path, dijkstra
math | | mathematics, mathematical, arithmetic, numbers, number, numeric, numerical, bignum, big number, bigint, big integer, decimal, decimals, matrix, matrices, linear algebra, vector, vectors, statistics, statistic, stats, random, randomness, prng, calculator, geometry, trigonometry
uuid | | uuids, guid, guids, unique id, unique ids, id generator, nanoid, shortid, cuid, ulid, snowflake id
process management | devops | process manager, process managers, pm2, forever, nodemon, supervisor, daemon, daemons, daemonize, systemd, cluster, clustering, graceful shutdown, zero downtime, hot reload, hot reloading, livereload, live reload, restart, respawn
worker threads | async performance | worker, workers, web worker, web workers, thread, threads, threading, multithreading, multi threaded, thread pool, threadpool, worker pool, child process, piscina
blockchain | cryptocurrency | blockchains, ethereum, eth, web3, smart contract, smart contracts, solidity, dapp, dapps, ledger, distributed ledger, nft, nfts, defi
cryptocurrency | blockchain | bitcoin, btc, crypto currency, cryptocurrencies, altcoin, wallet, wallets, litecoin, monero, satoshi, lightning network
peer to peer | networking | p2p, peer to peer network, torrent, torrents, bittorrent, dht, magnet, magnet link, webtorrent, ipfs, libp2p, dat, hypercore, gossip, mesh network, decentralized, decentralised, distributed
payments | | payment, pay, billing, invoice, invoices, invoicing, checkout, stripe, paypal, braintree, subscription, subscriptions, credit card, credit cards, ecommerce, e commerce, shop, shopping cart, cart
content management | web | cms, content management system, headless cms, blog, blogging, blog engine, blogs, ghost, wordpress, strapi, keystone, contentful, sanity
game | | games, gaming, game engine, game development, gamedev, phaser, pixi, pixijs, three js, threejs, babylonjs, webgl, opengl, sprite, sprites, physics engine
graphics | | 3d, 2d, webgl, opengl, vulkan, shader, shaders, rendering, renderer, canvas, svg, vector graphics, raster, drawing
animation | frontend graphics | animations, animate, tween, tweening, transition, transitions, motion, keyframe, keyframes, gsap, anime js, lottie
accessibility | frontend | a11y, screen reader, screen readers, aria, wcag
operating system | | os, linux, unix, macos, mac os, osx, os x, windows, win32, posix, kernel, system info, sysinfo
clipboard | operating system | copy paste, copy to clipboard, pasteboard
notifications | | notification, notify, notifier, desktop notification, toast, toasts, alert, alerts, growl, push notification
url | web | urls, uri, uris, url parser, query string, querystring, qs, slug, short url, url shortener, permalink
cookies | http web | cookie, cookie parser, session cookie, cookies parser
rate limiting | http security | rate limit, rate limiter, ratelimit, throttling, throttle, quota, quotas
dependency injection | architecture | di, ioc, inversion of control, inversify, awilix, service container, service locator
architecture | | microservice, microservices, micro service, micro services, service mesh, monolith, event sourcing, cqrs, domain driven design, ddd, hexagonal, clean architecture, design pattern, design patterns, mvc, mvvm
microservices | architecture | microservice, micro service, micro services, service discovery, consul, eureka, moleculer, seneca, service mesh, istio, linkerd
static file server | http server | static files, static server, serve static, file server, http server static
hot module replacement | build tool | hmr, hot reload, hot reloading, live reload, livereload, browsersync, browser sync
code generation | developer tools | scaffold, scaffolding, scaffolder, boilerplate, boilerplates, starter, starter kit, template generator, yeoman, plopjs, plop, cookiecutter, project generator
editor | developer tools | editors, ide, ides, text editor, code editor, vscode, vs code, visual studio code, vim, neovim, emacs, sublime, monaco, codemirror, language server, lsp
`;
