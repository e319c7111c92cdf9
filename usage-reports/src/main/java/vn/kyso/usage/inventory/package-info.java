/** The certificate inventory: fed by the CA's lifecycle notices and by imports of other CAs' certificates. */
package vn.kyso.usage.inventory;
