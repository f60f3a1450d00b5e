/** Package root of the test-data module. */
package org.santeatlas.testdata;
