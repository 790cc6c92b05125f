/* CPython module gowls.syntax._gomod: exposes the tree-sitter-gomod grammar
 * (grammars/tree-sitter-gomod) as a capsule that py-tree-sitter's
 * tree_sitter.Language() accepts. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct TSLanguage TSLanguage;

const TSLanguage *tree_sitter_gomod(void);

static PyObject *gomod_language(PyObject *self, PyObject *Py_UNUSED(args)) {
  (void)self;
  return PyCapsule_New((void *)tree_sitter_gomod(), "tree_sitter.Language", NULL);
}

static PyMethodDef gomod_methods[] = {
    {"language", gomod_language, METH_NOARGS,
     "Return the tree-sitter language for go.mod and go.work files as a capsule."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef gomod_module = {
    PyModuleDef_HEAD_INIT,
    "_gomod",
    "tree-sitter grammar for go.mod and go.work files.",
    -1,
    gomod_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC PyInit__gomod(void) { return PyModule_Create(&gomod_module); }
