package compare

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
)

// DefaultMaxBytes is the largest article Load reads unless told otherwise.
const DefaultMaxBytes = 32 << 20

// ManifestName is the file name of an event manifest; a directory holding
// one is read through it.
const ManifestName = "event.yaml"

// Document is one input as loaded, before cleaning.
type Document struct {
	// Source names the input as the user gave it: a path, a URL or "-".
	Source string
	// Name is the input's base name without extension, the last resort for
	// the outlet's name.
	Name string
	// Kind is "text", "markdown" or "html".
	Kind string
	// Text is the text as loaded. For HTML it is the page's visible text,
	// one block per paragraph.
	Text string
	// Outlet, Headline and Published come from a manifest or from HTML
	// metadata; OutletFrom says which.
	Outlet, OutletFrom string
	Headline           string
	Published          string
	// Aliases are other names the input gives its outlet, when a manifest
	// names it differently: the page's own site name ("The Herald of
	// Ostrel" for the manifest's "Ostrel Herald"). Blind hides them as it
	// hides Outlet; the comparison names the outlet by Outlet alone.
	Aliases []string
	// Kept, for HTML, are the spans of Text the readable-text extractor
	// kept as the article; nil means the whole text is a candidate.
	Kept []Span
	// Marked, for HTML, are the spans of Text the page's markup sets
	// apart from the story, in text order, each with the cleaning rule
	// that removes it: a figure's caption and its credit, a pull quote, an
	// embedded social-media post, a sign-up or cookie box, a box of links
	// to other stories.
	Marked []MarkedSpan
	// Lead, for HTML, are the spans of Text the page's markup gives as
	// the story's opening above its first paragraph, in text order: a
	// standfirst, which is the story's whether or not it ends a sentence.
	Lead []Span
	// blinded, set by Blind, is the text before the outlets' names in it
	// were hidden: the comparison reads its evidence there (see
	// blindedText).
	blinded *blindedText
}

// MarkedSpan is a span of a document's text and the cleaning rule its
// markup puts it under.
type MarkedSpan struct {
	Span
	Rule string
}

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Event is the set of documents about one event.
type Event struct {
	// Title and Date come from a manifest, when one was read.
	Title, Date string
	// Documents are the inputs in the order given.
	Documents []Document
}

// LoadOptions tune Load. The zero value reads nothing from standard input
// and fetches URLs with a default client.
type LoadOptions struct {
	// Stdin is read for the input "-".
	Stdin io.Reader
	// Client fetches http(s) URLs; nil uses NewHTTPClient(0).
	Client *http.Client
	// MaxBytes caps each article; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// InputError is bad input: a file, URL or manifest slant cannot use. Its
// message names the input.
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string {
	if e.Input == "" {
		return e.Err.Error()
	}
	return e.Input + ": " + e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }

func inputErr(input string, format string, args ...any) error {
	return &InputError{Input: input, Err: fmt.Errorf(format, args...)}
}

// articleExt maps the file extensions Load reads to document kinds.
var articleExt = map[string]string{
	".txt":      "text",
	".text":     "text",
	".md":       "markdown",
	".markdown": "markdown",
	".html":     "html",
	".htm":      "html",
}

// Load reads every input into one Event: article files, directories (every
// article file inside, by name, or through the directory's event.yaml), event
// manifests, "-" for standard input and http(s) URLs.
func Load(ctx context.Context, inputs []string, opts LoadOptions) (Event, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	// The inputs are read side by side (pages fetched at once rather than
	// one after another), and taken in order: the first error in input
	// order is the one reported. Standard input is read here first, so
	// that a second "-" finds it empty as before.
	type loaded struct {
		docs []Document
		meta *manifest
		err  error
	}
	if i := slices.Index(inputs, "-"); i >= 0 && slices.Contains(inputs[i+1:], "-") {
		return Event{}, inputErr("-", "standard input is given twice: it can be read only once")
	}
	all := make([]loaded, len(inputs))
	for i, in := range inputs {
		if in == "-" {
			all[i].docs, all[i].meta, all[i].err = loadInput(ctx, in, opts)
		}
	}
	eachN(len(inputs), loadWorkers, func(i int) {
		if inputs[i] != "-" {
			all[i].docs, all[i].meta, all[i].err = loadInput(ctx, inputs[i], opts)
		}
		if d := all[i].docs; len(d) == 1 && isDescriptorPath(inputs[i]) {
			// A shell's <(...) names no file: "input 2" says which it was.
			d[0].Name = fmt.Sprintf("input %d", i+1)
		}
	})
	var ev Event
	manifests := 0
	for _, l := range all {
		docs, meta, err := l.docs, l.meta, l.err
		if err != nil {
			return Event{}, err
		}
		if meta != nil {
			manifests++
			if manifests == 1 {
				ev.Title, ev.Date = meta.Title, meta.Date
			}
		}
		ev.Documents = append(ev.Documents, docs...)
	}
	if manifests > 1 {
		ev.Title, ev.Date = "", ""
	}
	if err := givenTwice(ev.Documents); err != nil {
		return Event{}, err
	}
	return ev, nil
}

// givenTwice refuses an event that holds one article twice, however its
// path is written (a.txt and ./a.txt, a link to it, a folder and one of its
// files, two manifests listing it) or one URL twice: the article would be
// compared with itself, as two outlets.
func givenTwice(docs []Document) error {
	type seen struct {
		source string
		info   fs.FileInfo
	}
	var files []seen
	urls := map[string]bool{}
	for _, d := range docs {
		switch {
		case d.Source == "standard input":
		case strings.HasPrefix(d.Source, "http://") || strings.HasPrefix(d.Source, "https://"):
			if urls[d.Source] {
				return inputErr(d.Source, "is given twice: the article would be compared with itself")
			}
			urls[d.Source] = true
		default:
			info, err := os.Stat(d.Source)
			if err != nil || !info.Mode().IsRegular() {
				continue // a pipe or a descriptor is read once and is its own
			}
			for _, f := range files {
				if os.SameFile(f.info, info) {
					if f.source == d.Source {
						return inputErr(d.Source, "is given twice: the article would be compared with itself")
					}
					return inputErr(d.Source, "is the same file as %s: the article would be compared with itself", f.source)
				}
			}
			files = append(files, seen{d.Source, info})
		}
	}
	return nil
}

func loadInput(ctx context.Context, in string, opts LoadOptions) ([]Document, *manifest, error) {
	switch {
	case in == "-":
		if opts.Stdin == nil {
			return nil, nil, inputErr("-", "standard input is not available")
		}
		data, err := readCapped(opts.Stdin, opts.MaxBytes)
		if err != nil {
			return nil, nil, &InputError{Input: "standard input", Err: err}
		}
		kind := "text"
		if looksLikeHTML(data) {
			kind = "html"
		}
		doc, err := newDocument("standard input", "stdin", kind, data, "")
		return []Document{doc}, nil, err
	case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
		doc, err := fetchURL(ctx, in, opts)
		return []Document{doc}, nil, err
	}
	info, err := os.Stat(in)
	if err != nil {
		return nil, nil, &InputError{Input: in, Err: describeFSError(err)}
	}
	if info.IsDir() {
		manifest := filepath.Join(in, ManifestName)
		if info, err := os.Stat(manifest); err == nil {
			if err := notAFile(manifest, info); err != nil {
				return nil, nil, err
			}
			return loadManifest(ctx, manifest, opts)
		}
		// A manifest by another name would be passed over, and the
		// folder's files compared without its outlet names.
		if _, err := os.Stat(filepath.Join(in, "event.yml")); err == nil {
			return nil, nil, inputErr(in, "holds event.yml, but a folder's manifest is read only as %s: rename it, or give the file itself", ManifestName)
		}
		docs, err := loadDir(in, opts)
		return docs, nil, err
	}
	if isManifestFile(in) {
		return loadManifest(ctx, in, opts)
	}
	doc, err := loadFile(in, opts)
	return []Document{doc}, nil, err
}

// isDescriptorPath says whether path names an open file descriptor, as a
// shell's process substitution <(...) does: /dev/fd/N or /proc/self/fd/N.
func isDescriptorPath(path string) bool {
	for _, dir := range []string{"/dev/fd/", "/proc/self/fd/"} {
		if n, ok := strings.CutPrefix(path, dir); ok && n != "" && strings.Trim(n, "0123456789") == "" {
			return true
		}
	}
	return false
}

// IsArticleName says whether a folder's file of this name is one of the
// articles Load reads from the folder (when no event.yaml lists them).
func IsArticleName(name string) bool {
	_, ok := articleExt[strings.ToLower(filepath.Ext(name))]
	return ok && !strings.HasPrefix(name, ".")
}

func isManifestFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

func describeFSError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func loadDir(dir string, opts LoadOptions) ([]Document, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &InputError{Input: dir, Err: describeFSError(err)}
	}
	var names []string
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && IsArticleName(name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil, inputErr(dir, "no article files (.txt, .md, .html, .htm) in this directory")
	}
	sort.Strings(names)
	docs := make([]Document, len(names))
	errs := make([]error, len(names))
	eachN(len(names), loadWorkers, func(i int) {
		docs[i], errs[i] = loadListedFile(filepath.Join(dir, names[i]), opts)
	})
	if err := firstError(errs); err != nil {
		return nil, err
	}
	return docs, nil
}

// loadWorkers is how many articles are read or fetched at once: reading
// mostly waits on the disk or the network.
const loadWorkers = 8

// firstError is the first non-nil error of the list.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// loadListedFile is loadFile of an article a folder or a manifest lists,
// which must be a file: a named pipe there would wait for a writer for
// ever, and a device (a link to /dev/zero) stands for no article. A pipe
// named on the command line, as a shell's <(...) is, is read.
func loadListedFile(path string, opts LoadOptions) (Document, error) {
	info, err := os.Stat(path)
	if err != nil {
		return Document{}, &InputError{Input: path, Err: describeFSError(err)}
	}
	if err := notAFile(path, info); err != nil {
		return Document{}, err
	}
	return loadFile(path, opts)
}

// notAFile refuses what a folder or a manifest lists (an article, a
// folder's event.yaml) when it is a named pipe, a device or a socket.
func notAFile(path string, info fs.FileInfo) error {
	t := info.Mode().Type()
	if t&^fs.ModeDir == 0 {
		return nil
	}
	what := "a device"
	switch {
	case t&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case t&fs.ModeSocket != 0:
		what = "a socket"
	}
	return inputErr(path, "is %s, not a file", what)
}

func loadFile(path string, opts LoadOptions) (Document, error) {
	kind, known := articleExt[strings.ToLower(filepath.Ext(path))]
	f, err := os.Open(path)
	if err != nil {
		return Document{}, &InputError{Input: path, Err: describeFSError(err)}
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return Document{}, inputErr(path, "is a directory, not an article file")
	}
	data, err := readCapped(f, opts.MaxBytes)
	if err != nil {
		return Document{}, &InputError{Input: path, Err: describeFSError(err)}
	}
	if !known {
		// No extension to go by (a page saved as "story", or a shell's
		// <(curl ...)): a page is read as one, as from standard input.
		kind = "text"
		if looksLikeHTML(data) {
			kind = "html"
		}
	}
	return newDocument(path, stem(path), kind, data, "")
}

func stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// readCapped reads all of r, failing when it holds more than max bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	max = min(max, math.MaxInt64-1)
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, limitError{max}
	}
	return data, nil
}

// limitError is an input over the size limit.
type limitError struct{ max int64 }

func (e limitError) Error() string {
	return fmt.Sprintf("larger than the limit of %s (use --max-bytes to change it)", formatBytes(e.max))
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// newDocument checks that data is usable text and builds a Document of it.
// contentType, from an HTTP response, may name the character set.
func newDocument(source, name, kind string, data []byte, contentType string) (Document, error) {
	data, err := toUTF8(data, kind, contentType)
	if err != nil {
		return Document{}, &InputError{Input: source, Err: err}
	}
	text, err := decodeText(data)
	if err != nil {
		return Document{}, &InputError{Input: source, Err: err}
	}
	text = tidyText(text)
	if kind == "markdown" {
		text = markdownText(text)
	}
	doc := Document{Source: source, Name: name, Kind: kind, Text: text}
	if kind == "html" {
		if err := extractHTML(&doc, text); err != nil {
			return Document{}, &InputError{Input: source, Err: err}
		}
	}
	if strings.TrimSpace(doc.Text) == "" {
		return Document{}, inputErr(source, "empty article: no text to compare")
	}
	return doc, nil
}

// toUTF8 converts text in another character set to UTF-8: the one an HTTP
// response names, or for HTML that is not UTF-8, the one the page declares.
// UTF-8 and UTF-16 with a byte-order mark are left to decodeText.
func toUTF8(data []byte, kind, contentType string) ([]byte, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		return data, nil
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = strings.ToLower(params["charset"])
	}
	if label == "" && kind == "html" && !utf8.Valid(data) {
		_, label, _ = charset.DetermineEncoding(data, contentType)
	}
	if label == "" || label == "utf-8" || label == "utf8" || label == "us-ascii" {
		return data, nil
	}
	r, err := charset.NewReaderLabel(label, bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("unknown character set %q", label)
	}
	return io.ReadAll(r)
}

// decodeText turns raw bytes into UTF-8 text: a UTF-8 byte-order mark is
// dropped, UTF-16 with a byte-order mark is converted, and binary or
// invalid input is refused.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", errors.New("binary data (NUL bytes), not text")
	}
	if !utf8.Valid(data) {
		return "", errors.New("not valid UTF-8 text (save it as UTF-8)")
	}
	return string(data), nil
}

// tidyText readies decoded text for comparison, before markup is read:
//   - control characters other than tabs and line breaks are dropped, and
//     form feeds and vertical tabs become line breaks: they carry no words,
//     and an escape sequence in an article would otherwise reach the
//     terminal through the text report (to retitle the window or clear the
//     screen); so are soft hyphens (U+00AD, "&shy;" in a page), which
//     only say where a word may break, and would part "re&shy;floated"
//     from "refloated";
//   - the text is put in Unicode's composed form (NFC), so that "café"
//     typed with one character for "é" and with "e" and a combining accent
//     is one word, as a reader sees it.
func tidyText(s string) string {
	if i := controlAt(s); i >= 0 {
		var b strings.Builder
		b.Grow(len(s))
		for i >= 0 {
			b.WriteString(s[:i])
			size := 1
			switch s[i] {
			case 0xC2:
				size = 2 // a C1 control, U+0080 to U+009F, or a soft hyphen
			case 0x1B:
				size = escapeLen(s[i:])
			}
			if s[i] == '\f' || s[i] == '\v' {
				b.WriteByte('\n')
			}
			s = s[i+size:]
			i = controlAt(s)
		}
		b.WriteString(s)
		s = b.String()
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// escapeLen is the length of the terminal escape sequence at the start of
// s, which starts with ESC: a control sequence (ESC [ ... and a final
// letter) or an operating system command (ESC ] ... ended by BEL or ESC \),
// read whole when well formed and short, else the ESC alone.
func escapeLen(s string) int {
	if len(s) < 2 {
		return 1
	}
	switch s[1] {
	case '[':
		for i := 2; i < min(len(s), 64); i++ {
			switch c := s[i]; {
			case c >= 0x40 && c <= 0x7E:
				return i + 1
			case c < 0x20 || c > 0x7E:
				return 1
			}
		}
	case ']':
		for i := 2; i < min(len(s), 512); i++ {
			switch {
			case s[i] == 0x07:
				return i + 1
			case s[i] == 0x1B && i+1 < len(s) && s[i+1] == '\\':
				return i + 2
			case s[i] == '\n':
				return 1
			}
		}
	}
	return 1
}

// controlAt is the byte offset of the first control character of s other
// than a tab or a line break, or of its first soft hyphen, or -1.
func controlAt(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7F:
			return i
		case c == 0xC2 && i+1 < len(s) && (s[i+1] >= 0x80 && s[i+1] <= 0x9F || s[i+1] == 0xAD):
			return i
		}
	}
	return -1
}

func decodeUTF16(data []byte) (string, error) {
	little := data[0] == 0xFF
	data = data[2:]
	if len(data)%2 != 0 {
		return "", errors.New("UTF-16 text with an odd number of bytes")
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if little {
			units[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
		} else {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		}
	}
	text := string(utf16.Decode(units))
	if strings.ContainsRune(text, 0) {
		return "", errors.New("binary data (NUL characters), not text")
	}
	return text, nil
}

func looksLikeHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		(bytes.HasPrefix(head, []byte("<")) && (bytes.Contains(head, []byte("<body")) || bytes.Contains(head, []byte("<p"))))
}

// NewHTTPClient returns the client Load uses for URLs: a whole-request
// timeout (0 means 20 seconds) and at most five redirects.
func NewHTTPClient(timeout time.Duration) *http.Client {
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	return &http.Client{
		Timeout: timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > 5 {
				return errors.New("stopped after 5 redirects")
			}
			return nil
		},
	}
}

func fetchURL(ctx context.Context, addr string, opts LoadOptions) (Document, error) {
	client := opts.Client
	if client == nil {
		client = NewHTTPClient(0)
	}
	// The address as shown, in messages and in the output: a password in
	// it is not repeated.
	shown := addr
	if u, err := url.Parse(addr); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			shown = u.Redacted()
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return Document{}, inputErr(shown, "bad URL: %v", redact(err, addr, shown))
	}
	req.Header.Set("Accept", "text/html, text/plain;q=0.9")
	req.Header.Set("User-Agent", "slant (news coverage comparison)")
	resp, err := client.Do(req)
	if err != nil {
		var ue interface{ Unwrap() error }
		if errors.As(err, &ue) {
			err = ue.Unwrap()
		}
		return Document{}, inputErr(shown, "fetch failed: %v", redact(err, addr, shown))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Document{}, inputErr(shown, "fetch failed: HTTP %s", resp.Status)
	}
	// The client unpacks gzip, which it asks for; a page packed another
	// way (br, deflate), unasked, would read as binary data.
	if enc := strings.ToLower(resp.Header.Get("Content-Encoding")); enc != "" && enc != "identity" {
		return Document{}, inputErr(shown, "fetch failed: the server sent the page compressed as %q, which slant cannot read", enc)
	}
	ctype := strings.ToLower(resp.Header.Get("Content-Type"))
	kind := ""
	switch {
	case strings.HasPrefix(ctype, "text/html"), strings.HasPrefix(ctype, "application/xhtml+xml"):
		kind = "html"
	case strings.HasPrefix(ctype, "text/plain"):
		kind = "text"
	case strings.HasPrefix(ctype, "text/markdown"), strings.HasPrefix(ctype, "text/x-markdown"):
		kind = "markdown" // headings and front matter read as from a .md file
	case ctype == "":
		kind = "" // sniffed below
	default:
		return Document{}, inputErr(shown, "not an article: content type %q (want text/html, text/plain or text/markdown)", ctype)
	}
	data, err := readCapped(resp.Body, opts.MaxBytes)
	if err != nil {
		var le limitError
		if !errors.As(err, &le) {
			// The body stopped coming: a timeout, a dropped connection.
			err = fmt.Errorf("fetch failed: %w", err)
		}
		return Document{}, &InputError{Input: shown, Err: err}
	}
	// A page served untyped, or as plain text by a server that says so of
	// everything, is read as a page when it starts like one.
	if kind == "" || kind == "text" && looksLikeHTML(data) {
		kind = "text"
		if looksLikeHTML(data) {
			kind = "html"
		}
	}
	return newDocument(shown, urlName(addr), kind, data, resp.Header.Get("Content-Type"))
}

// redact replaces, in an error's message, an address holding a password
// with the address as shown.
func redact(err error, addr, shown string) error {
	if addr == shown {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), addr, shown))
}

// urlName makes a short name of a URL: its host, without "www.".
func urlName(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	rest := addr[strings.Index(addr, "://")+3:]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if h, _, ok := strings.Cut(rest, ":"); ok {
		rest = h
	}
	return strings.TrimPrefix(rest, "www.")
}
