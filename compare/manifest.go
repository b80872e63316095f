package compare

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/slant-news/slant/internal/didyoumean"
	"github.com/slant-news/slant/internal/yamlcheck"
)

// manifest is the content of an event.yaml file.
type manifest struct {
	Title    string
	Date     string
	Articles []manifestArticle
}

type manifestArticle struct {
	File, URL, Outlet, Published string
	line, column                 int
	// fileLine and fileColumn are the position of the file: value.
	fileLine, fileColumn int
}

// ManifestError lists every problem found in one manifest, each with its
// line and column, sorted by position.
type ManifestError struct {
	File     string
	Problems []Problem
}

// Problem is one error at a position of a YAML file.
type Problem struct {
	Line, Column int
	Message      string
}

func (e *ManifestError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s", e.File, p.Line, p.Column, p.Message)
	}
	return b.String()
}

var (
	manifestKeys = []string{"title", "date", "articles"}
	articleKeys  = []string{"file", "url", "outlet", "published"}
)

// maxManifestBytes bounds a manifest; real ones are a few hundred bytes.
const maxManifestBytes = 1 << 20

func loadManifest(ctx context.Context, path string, opts LoadOptions) ([]Document, *manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, &InputError{Input: path, Err: describeFSError(err)}
	}
	data, err := readCapped(f, maxManifestBytes)
	f.Close()
	if err != nil {
		return nil, nil, &InputError{Input: path, Err: err}
	}
	m, err := parseManifest(path, data)
	if err != nil {
		return nil, nil, err
	}
	dir := filepath.Dir(path)
	// The articles are read (or fetched) side by side; the first error in
	// the manifest's order is the one reported.
	docs := make([]Document, len(m.Articles))
	errs := make([]error, len(m.Articles))
	eachN(len(m.Articles), loadWorkers, func(i int) {
		a := &m.Articles[i]
		var doc Document
		var err error
		if a.URL != "" {
			doc, err = fetchURL(ctx, a.URL, opts)
		} else {
			file := filepath.Join(dir, filepath.FromSlash(a.File))
			if !insideFolder(dir, file) {
				errs[i] = &ManifestError{File: path, Problems: []Problem{{Line: a.fileLine, Column: a.fileColumn,
					Message: fmt.Sprintf("file %q leaves the manifest's folder through a symbolic link", a.File)}}}
				return
			}
			doc, err = loadListedFile(file, opts)
		}
		if err != nil {
			errs[i] = err
			return
		}
		if a.Outlet != "" {
			// The page's own name for the outlet is kept: its text may
			// use it, and blind mode must hide it too.
			if doc.Outlet != "" && doc.Outlet != a.Outlet {
				doc.Aliases = append(doc.Aliases, doc.Outlet)
			}
			doc.Outlet, doc.OutletFrom = a.Outlet, "manifest"
			// A page's title may carry the outlet's name as the manifest
			// gives it ("Bridge shut | Epsilon Daily").
			doc.Headline = dropSiteName(doc.Headline, a.Outlet)
		}
		if a.Published != "" {
			doc.Published = a.Published
		}
		docs[i] = doc
	})
	if err := firstError(errs); err != nil {
		return nil, nil, err
	}
	return docs, m, nil
}

// parseManifest decodes and checks an event manifest, reporting every
// problem at once.
func parseManifest(path string, data []byte) (*manifest, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil && err != io.EOF {
		line, msg := yamlcheck.SyntaxError(err)
		return nil, &ManifestError{File: path, Problems: []Problem{{Line: line, Column: 1, Message: msg}}}
	}
	// A second document (after a "---" line) would be ignored, and the
	// articles it lists never read.
	// An empty one (a "---" at the end) holds nothing to lose.
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		if err == io.EOF {
			break
		}
		if err == nil && (len(next.Content) == 0 || next.Content[0].Tag == "!!null") {
			continue
		}
		line := 1
		if err == nil {
			line = next.Content[0].Line
		} else {
			line, _ = yamlcheck.SyntaxError(err)
		}
		return nil, &ManifestError{File: path, Problems: []Problem{{Line: line, Column: 1,
			Message: "a second YAML document: a manifest is one document, so list every article in the first"}}}
	}
	var probs []Problem
	add := func(n *yaml.Node, format string, args ...any) {
		probs = append(probs, Problem{Line: n.Line, Column: n.Column, Message: fmt.Sprintf(format, args...)})
	}
	m := &manifest{}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil, inputErr(path, "empty manifest: want title, date and articles")
	}
	if aliases := yamlcheck.Aliases(&root); len(aliases) > 0 {
		add(aliases[0], "%s", yamlcheck.AliasMessage(aliases))
		return nil, &ManifestError{File: path, Problems: probs}
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		add(doc, "want a mapping with title, date and articles")
		return nil, &ManifestError{File: path, Problems: probs}
	}
	sawArticles := false
	checkDuplicates(doc, add)
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		switch k.Value {
		case "title":
			m.Title = scalar(v, add, "title")
		case "date":
			m.Date = scalar(v, add, "date")
			if m.Date != "" && normalizeDate(m.Date) == "" {
				add(v, "date %q is not a date (want YYYY-MM-DD)", m.Date)
			}
			m.Date = normalizeDate(m.Date)
		case "articles":
			sawArticles = true
			if v.Kind != yaml.SequenceNode {
				add(v, "articles: want a list of articles")
				continue
			}
			if len(v.Content) == 0 {
				add(v, "articles: the list is empty")
			}
			for _, item := range v.Content {
				if a, ok := parseManifestArticle(item, add); ok {
					m.Articles = append(m.Articles, a)
				}
			}
			probs = append(probs, listedTwice(m.Articles)...)
		default:
			add(k, "unknown key %q%s", k.Value, didyoumean.Hint(k.Value, manifestKeys))
		}
	}
	if !sawArticles {
		add(doc, "no articles: list the articles with file: or url:")
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool {
			if probs[i].Line != probs[j].Line {
				return probs[i].Line < probs[j].Line
			}
			return probs[i].Column < probs[j].Column
		})
		return nil, &ManifestError{File: path, Problems: probs}
	}
	return m, nil
}

// listedTwice reports each article whose file (the same path, however
// written) or URL an earlier one lists already: it would be compared with
// itself, as two outlets.
func listedTwice(articles []manifestArticle) []Problem {
	var probs []Problem
	first := map[string]int{} // "file PATH" or "url URL" -> the line listing it first
	for _, a := range articles {
		key, line, col, what := "url "+a.URL, a.line, a.column, fmt.Sprintf("url %q", a.URL)
		if a.File != "" {
			key, line, col, what = "file "+path.Clean(filepath.ToSlash(a.File)), a.fileLine, a.fileColumn, fmt.Sprintf("file %q", a.File)
		}
		if l, dup := first[key]; dup {
			probs = append(probs, Problem{Line: line, Column: col,
				Message: fmt.Sprintf("%s is listed already, on line %d: the article would be compared with itself", what, l)})
			continue
		}
		first[key] = line
	}
	return probs
}

func parseManifestArticle(n *yaml.Node, add func(*yaml.Node, string, ...any)) (manifestArticle, bool) {
	a := manifestArticle{line: n.Line, column: n.Column}
	if n.Kind != yaml.MappingNode {
		add(n, "article: want a mapping with file: or url:")
		return a, false
	}
	ok := true
	checkDuplicates(n, add)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "file":
			a.File = scalar(v, add, "file")
			a.fileLine, a.fileColumn = v.Line, v.Column
			if a.File != "" {
				if msg := checkRelativePath(a.File); msg != "" {
					add(v, "file %q %s", a.File, msg)
					ok = false
				} else if isManifestFile(a.File) {
					add(v, "file %q is a manifest (.yaml), not an article", a.File)
					ok = false
				}
			}
		case "url":
			a.URL = scalar(v, add, "url")
			if a.URL != "" && !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
				add(v, "url %q: want an http:// or https:// address", a.URL)
				ok = false
			}
		case "outlet":
			a.Outlet = strings.TrimSpace(scalar(v, add, "outlet"))
		case "published":
			raw := scalar(v, add, "published")
			a.Published = normalizeDate(raw)
			if raw != "" && a.Published == "" {
				add(v, "published %q is not a date (want YYYY-MM-DD)", raw)
				ok = false
			}
		default:
			add(k, "unknown key %q%s", k.Value, didyoumean.Hint(k.Value, articleKeys))
			ok = false
		}
	}
	switch {
	case a.File == "" && a.URL == "":
		add(n, "article has neither file: nor url:")
		ok = false
	case a.File != "" && a.URL != "":
		add(n, "article has both file: and url:; give one")
		ok = false
	}
	return a, ok
}

// checkRelativePath refuses manifest paths that leave the manifest's folder.
func checkRelativePath(p string) string {
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) {
		return "is absolute: give a path relative to the manifest"
	}
	clean := filepath.ToSlash(filepath.Clean(filepath.FromSlash(p)))
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "leaves the manifest's folder"
	}
	return ""
}

// insideFolder says whether file, with every symbolic link on its way
// followed, is still inside dir. A file that cannot be resolved (it does not
// exist) is left to the reading to report.
func insideFolder(dir, file string) bool {
	resolve := func(p string) (string, error) {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", err
		}
		return filepath.EvalSymlinks(abs)
	}
	target, err := resolve(file)
	if err != nil {
		return true
	}
	folder, err := resolve(dir)
	if err != nil {
		return true
	}
	rel, err := filepath.Rel(folder, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// scalar is a key's single value; a YAML null (~, null or nothing) is
// no value, as if the key were left out.
func scalar(v *yaml.Node, add func(*yaml.Node, string, ...any), key string) string {
	if v.Kind != yaml.ScalarNode {
		add(v, "%s: want a single value", key)
		return ""
	}
	if v.Tag == "!!null" {
		return ""
	}
	return v.Value
}

// checkDuplicates reports keys given twice in one mapping.
func checkDuplicates(m *yaml.Node, add func(*yaml.Node, string, ...any)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if seen[k.Value] {
			add(k, "key %q given twice", k.Value)
		}
		seen[k.Value] = true
	}
}
